from django.contrib.auth import views as auth_views
from django.urls import include, path, register_converter

from clustermonitor.web import (
    entry,
    history,
    lists,
    pages,
    password,
    question_entry,
    questions,
    records,
    transfer,
    users,
)
from clustermonitor.web.common import YearConverter

register_converter(YearConverter, "year")

urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("accounts/password/", password.PasswordChange.as_view(), name="password-change"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", pages.dashboard, name="home"),
    path("years/<year:year>/", pages.dashboard, name="year"),
    path("years/<year:year>/close/", entry.close_year, name="year-close"),
    path("reports/<str:name>/", pages.report_page, name="report"),
    path("drill/<str:kind>/", pages.drill, name="drill"),
    path("clusters/new/", entry.cluster_new, name="cluster-new"),
    path("clusters/<str:code>/", records.cluster_page, name="cluster"),
    path("clusters/<str:code>/edit/", entry.cluster_edit, name="cluster-edit"),
    path("projects/", lists.project_list, name="projects"),
    path("projects/new/", entry.project_new, name="project-new"),
    path("projects/<str:ref>/", records.project_page, name="project"),
    path("projects/<str:ref>/decide/", entry.project_decision, name="project-decide"),
    path("ledger/", records.ledger_page, name="ledger"),
    path("ledger/book/", entry.book, name="book"),
    path("allocations/new/", entry.allocate, name="allocate"),
    path("budgets/new/", entry.budget, name="budget"),
    path("kpis/<str:what>/new/", entry.kpi_figure, name="kpi-figure"),
    path("history/", history.history_page, name="history"),
    path("history/<str:kind>/<int:pk>/", history.record_history, name="record-history"),
    path("users/", users.user_list, name="users"),
    path("users/new/", users.user_new, name="user-new"),
    path("users/<int:pk>/edit/", users.user_edit, name="user-edit"),
    path("import/", transfer.import_page, name="import"),
    path("export/", transfer.export, name="export"),
    path("answer/", questions.answer_page, name="answer"),
    path("questions/", questions.question_register, name="questions"),
    path("questions/new/", question_entry.question_new, name="question-new"),
    path("questions/<str:session>/<int:number>/", questions.question_page, name="question"),
    path(
        "questions/<str:session>/<int:number>/answer.<str:fmt>",
        questions.question_download,
        name="question-download",
    ),
    path(
        "questions/<str:session>/<int:number>/approve/",
        question_entry.question_approve,
        name="question-approve",
    ),
    path(
        "questions/<str:session>/<int:number>/status/", question_entry.question_status, name="question-status"
    ),
    path(
        "questions/<str:session>/<int:number>/assign/", question_entry.question_assign, name="question-assign"
    ),
    path(
        "questions/<str:session>/<int:number>/<str:label>/map/",
        question_entry.question_map,
        name="question-map",
    ),
    path(
        "questions/<str:session>/<int:number>/<str:label>/prose/",
        question_entry.question_prose,
        name="question-prose",
    ),
]
