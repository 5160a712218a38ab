"""Users and their roles in the web app (admins only): the list, a new user, a change of
a user's role, cluster and e-mail address (and, if typed, password). A cluster manager is
bound to exactly one cluster, no other role to any; an admin cannot take their own admin
role away (no one could give it back from the web). Runs the one entry flow."""

from typing import Any

from django import forms
from django.contrib.auth.models import User
from django.contrib.auth.password_validation import validate_password
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from clustermonitor.access import permissions
from clustermonitor.clusters.selectors import cluster_choices
from clustermonitor.kernel.errors import WriteRefused
from clustermonitor.reports.labels import label
from clustermonitor.reports.renderers.names import names
from clustermonitor.web.accounts import user_create, username_taken, users_with_roles
from clustermonitor.web.formflow import Flow, form_flow
from clustermonitor.web.forms import BLANK


def role_label(role: str | None) -> str:
    if role == permissions.CLUSTER:
        return _("cluster manager")
    return label(role) if role else _("no role")


class UserForm(forms.Form):
    username = forms.RegexField(label=gettext_lazy("user name"), max_length=150, regex=r"^[\w.@+-]+$")
    email = forms.EmailField(label=gettext_lazy("e-mail address"), required=False)
    role = forms.ChoiceField(label=gettext_lazy("role"))
    cluster = forms.ChoiceField(label=gettext_lazy("cluster (cluster managers only)"), required=False)
    password = forms.CharField(
        label=gettext_lazy("password"), required=False, widget=forms.PasswordInput(render_value=False)
    )

    def __init__(self, *args: Any, editing: User | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.editing = editing
        self.fields["role"].choices = [(role, role_label(role)) for role in permissions.ROLES]  # type: ignore[attr-defined]
        self.fields["cluster"].choices = BLANK + cluster_choices()  # type: ignore[attr-defined]
        if editing is not None:
            del self.fields["username"]
            self.fields["password"].help_text = _("Leave empty to keep the password.")
        else:
            self.fields["password"].required = True

    def clean_username(self) -> str:
        name: str = self.cleaned_data["username"]
        if username_taken(name):
            raise forms.ValidationError(_("A user with this name exists already."))
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        role, cluster = data.get("role"), data.get("cluster")
        if role == permissions.CLUSTER and not cluster:
            self.add_error("cluster", _("A cluster manager is bound to a cluster: choose one."))
        if role and role != permissions.CLUSTER and cluster:
            self.add_error("cluster", _("Only a cluster manager is bound to a cluster."))
        if data.get("password"):
            try:
                validate_password(data["password"], self.editing)
            except forms.ValidationError as invalid:
                self.add_error("password", invalid)
        return data


def _save(name: str, data: dict[str, Any]) -> User:
    try:
        return user_create(
            name,
            role=data["role"],
            password=data.get("password") or None,
            cluster=data.get("cluster") or None,
            email=data.get("email", ""),
        )
    except ValueError as refused:  # a cluster removed meanwhile
        raise WriteRefused([("cluster", str(refused))]) from None


def user_list(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_manage_users(request.user))
    clusters = names().clusters  # a cluster by its name, as everywhere on the site
    users = [
        {**row, "role_label": role_label(row["role"]), "cluster_name": clusters.get(row["cluster"])}
        for row in users_with_roles()
    ]
    return render(request, "web/users.html", {"users": users})


def user_new(request: HttpRequest) -> HttpResponse:
    permissions.require(permissions.may_manage_users(request.user))
    flow = Flow(
        title=_("New user"),
        save=lambda data, _actor: _save(data["username"], data),
        done=lambda user, _data: (_("User %(name)s created.") % {"name": user.username}, reverse("users")),
    )
    return form_flow(request, UserForm(request.POST or None, initial={"role": permissions.VIEWER}), flow)


def user_edit(request: HttpRequest, pk: int) -> HttpResponse:
    permissions.require(permissions.may_manage_users(request.user))
    row = next(iter(users_with_roles(pk)), None)
    if row is None:
        raise Http404("no such user")
    user: User = row["user"]
    initial = {"email": user.email, "role": row["role"], "cluster": row["cluster"]}
    form = UserForm(request.POST or None, initial=initial, editing=user)
    if (
        request.method == "POST"
        and user.pk == request.user.pk
        and request.POST.get("role") != permissions.ADMIN
    ):
        form.is_valid()
        form.add_error("role", _("You cannot take your own admin role away."))
    flow = Flow(
        title=_("Change user %(name)s") % {"name": user.username},
        save=lambda data, _actor: _save(user.username, data),
        done=lambda saved, _data: (_("User %(name)s saved.") % {"name": saved.username}, reverse("users")),
    )
    return form_flow(request, form, flow)
