"""Forms of the data-entry pages. Field names are the services' column names, so every
(column, message) problem a service raises lands beside its field."""

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from clustermonitor.budget.models import EnvelopeChoices, LedgerKindChoices
from clustermonitor.budget.selectors import open_years
from clustermonitor.clusters.models import ClusterTypeChoices
from clustermonitor.clusters.selectors import cluster_choices
from clustermonitor.domain.messages import Message
from clustermonitor.kpis.selectors import kpi_choices
from clustermonitor.projects.models import ChannelChoices
from clustermonitor.projects.selectors import project_type_choices
from clustermonitor.reports.labels import instrument_name, label
from clustermonitor.reports.renderers.names import names
from clustermonitor.web.amounts import AmountField
from clustermonitor.web.templatetags.web import money

AMOUNT_TEXT = re.compile(r"-?[0-9]+\.[0-9]{2}")
CODED = {"envelope", "status", "kind", "channel", "type", "report"}  # message values that are codes
DATE = forms.DateInput(attrs={"type": "date"})
BLANK = [("", "—")]


def translated(message: str) -> str:
    """A service's message in the active language: a `Message` is looked up by its English
    template and filled in with its values as a reader says them (codes by their names,
    amounts in the page's format: `€ 3.100.000,00`); other text is looked up as is."""
    if not isinstance(message, Message):
        return gettext(message) if message else message
    params = {
        name: translated(value) if isinstance(value, Message) else _said(name, value)
        for name, value in message.params.items()
    }
    text = gettext(message.template)
    return text.format(**params) if params else text


def _said(name: str, value: Any) -> Any:
    """One value of a message as the page says it; the CLI keeps the English message as is."""
    if isinstance(value, Decimal) or (isinstance(value, str) and AMOUNT_TEXT.fullmatch(value)):
        return money(value)
    if not isinstance(value, str):
        return value
    if name == "cluster":
        return names().clusters.get(value, value)
    if name == "instrument":
        return instrument_name(value)
    return label(value) if name in CODED else value


def add_problems(form: forms.Form, problems: list[tuple[str, str]]) -> None:
    """Each (column, message) problem of a refusal beside its field, in the active language."""
    for column, message in problems:
        form.add_error(column if column in form.fields else None, translated(message))


def year_field(label: Any) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(label=label, coerce=int)


class EntryForm(forms.Form):
    """A data-entry form whose lists come from the database when it is made: `lists` maps
    a field to `clusters` (all, or only `cluster`: a cluster manager's), `years` (the open
    ones), `project_types` or `kpis`."""

    lists: ClassVar[dict[str, str]] = {}

    def __init__(self, *args: Any, cluster: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        sources: dict[str, Callable[[], list[tuple[Any, str]]]] = {
            "clusters": lambda: cluster_choices(only=cluster),
            "years": lambda: [(year, str(year)) for year in open_years()],
            "project_types": project_type_choices,
            "kpis": kpi_choices,
        }
        for name, source in self.lists.items():
            if name in self.fields:
                self.fields[name].choices = BLANK + sources[source]()  # type: ignore[attr-defined]


class BookingForm(EntryForm):
    lists = {"year": "years", "cluster": "clusters"}

    ref = forms.CharField(label=_("reference"), max_length=40)
    date = forms.DateField(label=_("booking date"), widget=DATE)
    year = year_field(_("budget year"))
    kind = forms.ChoiceField(label=_("kind"), choices=LedgerKindChoices.choices)
    envelope = forms.ChoiceField(label=_("envelope"), choices=EnvelopeChoices.choices)
    cluster = forms.ChoiceField(label=_("cluster"))
    project = forms.CharField(label=_("project"), max_length=40, required=False)
    amount = AmountField(label=_("amount"))
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class AllocationForm(EntryForm):
    lists = {"year": "years", "cluster": "clusters"}

    year = year_field(_("year"))
    cluster = forms.ChoiceField(label=_("cluster"))
    envelope = forms.ChoiceField(label=_("envelope"), choices=EnvelopeChoices.choices)
    amount = AmountField(label=_("amount"))
    decided_on = forms.DateField(label=_("decided on"), required=False, widget=DATE)


class ProjectForm(EntryForm):
    lists = {"cluster": "clusters", "type": "project_types"}

    ref = forms.CharField(label=_("reference"), max_length=40)
    cluster = forms.ChoiceField(label=_("cluster"))
    title = forms.CharField(label=_("title"))
    type = forms.ChoiceField(label=_("project type"))
    channel = forms.ChoiceField(label=_("channel"), choices=ChannelChoices.choices)
    instrument = forms.CharField(label=_("instrument"), max_length=40, required=False)
    submitted_on = forms.DateField(label=_("submitted on"), widget=DATE)
    total_cost = AmountField(label=_("total project cost"))
    requested_support = AmountField(label=_("requested support"))


class DecisionForm(forms.Form):
    status = forms.ChoiceField(
        label=_("decision"),
        choices=[("approved", _("approved")), ("rejected", _("rejected")), ("withdrawn", _("withdrawn"))],
    )
    decided_on = forms.DateField(label=_("decided on"), required=False, widget=DATE)
    granted_support = AmountField(label=_("granted support"), required=False)


class YearCloseForm(forms.Form):
    closed_on = forms.DateField(label=_("closed on"), widget=DATE)


class UploadForm(forms.Form):
    dataset = forms.FileField(label=_("dataset (.zip of CSV files or .xlsx workbook)"))
    replace = forms.BooleanField(label=_("replace: delete rows the dataset lacks"), required=False)


class BudgetForm(EntryForm):
    lists = {"year": "years"}

    year = year_field(_("year"))
    envelope = forms.ChoiceField(label=_("envelope"), choices=EnvelopeChoices.choices)
    amount = AmountField(label=_("amount"))
    source = forms.CharField(label=_("source"), initial="Hermesfonds")


class KpiFigureForm(EntryForm):
    lists = {"cluster": "clusters", "kpi": "kpis", "year": "years"}

    cluster = forms.ChoiceField(label=_("cluster"))
    kpi = forms.ChoiceField(label=_("KPI"))
    year = year_field(_("year"))
    value = forms.DecimalField(label=_("value"), max_digits=30, decimal_places=8)
    reported_on = forms.DateField(label=_("reported on"), required=False, widget=DATE)
    source = forms.CharField(label=_("source"), required=False)


class ClusterForm(forms.Form):
    """A new cluster (with its code) or a change of one (`code` removed: it never changes)."""

    code = forms.CharField(label=_("code"), max_length=40)
    name = forms.CharField(label=_("name"))
    type = forms.ChoiceField(label=_("type"), choices=BLANK + list(ClusterTypeChoices.choices))
    domain = forms.CharField(label=_("domain"), required=False)
    recognised_on = forms.DateField(label=_("recognised on"), widget=DATE)
    pact_start_year = forms.IntegerField(label=_("first pact year"))
    pact_end_year = forms.IntegerField(label=_("last pact year"))
