"""`/accounts/password/`: every user changes their own password (admins reset others' with
`clustermonitor adduser` or in /admin/)."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import PasswordChangeView
from django.forms import Form
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class PasswordChange(PasswordChangeView):
    """The old password, then the new one twice, judged by Django's password validators
    (settings.AUTH_PASSWORD_VALIDATORS); the session stays logged in."""

    template_name = "web/form.html"
    success_url = "/"
    extra_context = {"title": gettext_lazy("Change your password")}

    def form_valid(self, form: Form) -> HttpResponse:
        response = super().form_valid(form)
        messages.success(self.request, _("Your password is changed."))
        return response

    def get_form(self, form_class: Any = None) -> Any:
        form = super().get_form(form_class)
        for field in form.fields.values():  # the validators' rules in words, not as a list
            field.help_text = ""
        return form
