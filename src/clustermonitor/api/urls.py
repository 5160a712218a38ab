from django.urls import path, re_path

from clustermonitor.api import docs, questions, views
from clustermonitor.reports.registry import REPORTS

urlpatterns = [
    path("v1/", docs.ApiIndexView.as_view(), name="api-index"),
    path("v1/docs/", docs.DocsView.as_view(), name="api-docs"),
    path("v1/reports/", views.ReportListView.as_view(), name="api-reports"),
    *(
        path(f"v1/reports/{name}/", views.one_report_view(spec).as_view(), name=f"api-report-{name}")
        for name, spec in REPORTS.items()
    ),
    path("v1/reports/<str:name>/", views.ReportView.as_view(), name="api-report"),
    path("v1/answer/", views.AnswerView.as_view(), name="api-answer"),
    path("v1/questions/", questions.QuestionListView.as_view(), name="api-questions"),
    path("v1/questions/<str:session>/<int:number>/", questions.QuestionView.as_view(), name="api-question"),
    path(
        "v1/questions/<str:session>/<int:number>/answer/",
        questions.QuestionAnswerView.as_view(),
        name="api-question-answer",
    ),
    path("v1/schema/", views.SchemaView.as_view(), name="api-schema"),
    re_path(r"", views.UnknownAddressView.as_view()),
]
