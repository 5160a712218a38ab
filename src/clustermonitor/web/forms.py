"""Forms of the data-entry pages. Field names are the services' column names, so every
(column, message) problem a service raises lands beside its field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clustermonitor.budget.models import EnvelopeChoices, LedgerKindChoices
from clustermonitor.projects.models import ChannelChoices

DATE = forms.DateInput(attrs={"type": "date"})
AMOUNT = {"max_digits": 15, "decimal_places": 2}


def add_problems(form: forms.Form, problems: list[tuple[str, str]]) -> None:
    for column, message in problems:
        form.add_error(column if column in form.fields else None, message)


class BookingForm(forms.Form):
    ref = forms.CharField(label=_("reference"), max_length=40)
    date = forms.DateField(label=_("booking date"), widget=DATE)
    year = forms.IntegerField(label=_("budget year"))
    kind = forms.ChoiceField(label=_("kind"), choices=LedgerKindChoices.choices)
    envelope = forms.ChoiceField(label=_("envelope"), choices=EnvelopeChoices.choices)
    cluster = forms.CharField(label=_("cluster"), max_length=40)
    project = forms.CharField(label=_("project"), max_length=40, required=False)
    amount = forms.DecimalField(label=_("amount"), **AMOUNT)
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AllocationForm(forms.Form):
    year = forms.IntegerField(label=_("year"))
    cluster = forms.CharField(label=_("cluster"), max_length=40)
    envelope = forms.ChoiceField(label=_("envelope"), choices=EnvelopeChoices.choices)
    amount = forms.DecimalField(label=_("amount"), **AMOUNT)
    decided_on = forms.DateField(label=_("decided on"), required=False, widget=DATE)


class ProjectForm(forms.Form):
    ref = forms.CharField(label=_("reference"), max_length=40)
    cluster = forms.CharField(label=_("cluster"), max_length=40)
    title = forms.CharField(label=_("title"))
    type = forms.CharField(label=_("project type"), max_length=40)
    channel = forms.ChoiceField(label=_("channel"), choices=ChannelChoices.choices)
    instrument = forms.CharField(label=_("instrument"), max_length=40, required=False)
    submitted_on = forms.DateField(label=_("submitted on"), widget=DATE)
    total_cost = forms.DecimalField(label=_("total project cost"), **AMOUNT)
    requested_support = forms.DecimalField(label=_("requested support"), **AMOUNT)


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("decision"),
        choices=[("approved", _("approved")), ("rejected", _("rejected")), ("withdrawn", _("withdrawn"))],
    )
    decided_on = forms.DateField(label=_("decided on"), required=False, widget=DATE)
    granted_support = forms.DecimalField(label=_("granted support"), required=False, **AMOUNT)


class YearCloseForm(forms.Form):
    closed_on = forms.DateField(label=_("closed on"), widget=DATE)


class UploadForm(forms.Form):
    dataset = forms.FileField(label=_("dataset (.zip of CSV files or .xlsx workbook)"))
    replace = forms.BooleanField(label=_("replace: delete rows the dataset lacks"), required=False)


class BudgetForm(forms.Form):
    year = forms.IntegerField(label=_("year"))
    envelope = forms.ChoiceField(label=_("envelope"), choices=EnvelopeChoices.choices)
    amount = forms.DecimalField(label=_("amount"), **AMOUNT)
    source = forms.CharField(label=_("source"), initial="Hermesfonds")


class KpiFigureForm(forms.Form):
    cluster = forms.CharField(label=_("cluster"), max_length=40)
    kpi = forms.CharField(label=_("KPI"), max_length=40)
    year = forms.IntegerField(label=_("year"))
    value = forms.DecimalField(label=_("value"), max_digits=30, decimal_places=8)
    reported_on = forms.DateField(label=_("reported on"), required=False, widget=DATE)
    source = forms.CharField(label=_("source"), required=False)
