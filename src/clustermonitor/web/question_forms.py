"""Forms of a written question's page (analysts and admins): correct a sub-question's
mapping, write its prose, approve the answer, move it on (withdrawn, sent with its date),
assign it. Field names are the services' columns, so a refusal lands beside its field."""

from django import forms
from django.utils.translation import gettext_lazy as _

from clustermonitor.clusters.selectors import cluster_choices
from clustermonitor.questions.assignees import assignable
from clustermonitor.questions.models import Status
from clustermonitor.reports.labels import label
from clustermonitor.reports.registry import REPORTS
from clustermonitor.web.forms import DATE


def report_choices() -> list[tuple[str, str]]:
    return [(name, str(label(name))) for name in REPORTS]


def all_clusters() -> list[tuple[str, str]]:
    return [("", str(_("all clusters"))), *cluster_choices()]


def assignees() -> list[tuple[str, str]]:
    return [("", str(_("no one"))), *assignable()]


class MappingForm(forms.Form):
    """Its report(s) (none: prose only), the years of the yearly ones, the cluster; the
    lists are read when a form is made (callable choices)."""

    report = forms.MultipleChoiceField(
        label=_("reports (none: answered in prose only)"),
        required=False,
        choices=report_choices,
        widget=forms.SelectMultiple(attrs={"size": len(REPORTS)}),
    )
    years = forms.CharField(label=_("years"), required=False, help_text=_("e.g. 2017 2018"))
    cluster = forms.ChoiceField(label=_("cluster"), required=False, choices=all_clusters)

    def clean_years(self) -> list[int]:
        words = self.cleaned_data["years"].replace(",", " ").split()
        if any(len(word) != 4 or not word.isdigit() for word in words):
            raise forms.ValidationError(_("years: four-digit years, e.g. 2017 2018"))
        return [int(word) for word in words]


class ProseForm(forms.Form):
    prose = forms.CharField(
        label=_("text"), required=False, strip=True, widget=forms.Textarea(attrs={"rows": 4})
    )


class ApproveForm(forms.Form):
    as_of = forms.DateField(label=_("figures as of"), required=False, widget=DATE)


class StatusForm(forms.Form):
    """Withdraw the question, or mark its approved answer as sent on a day (default today)."""

    status = forms.ChoiceField(
        label=_("status"),
        choices=[(s, name) for s, name in Status.choices if s in (Status.WITHDRAWN, Status.SENT)],
    )
    sent_on = forms.DateField(label=_("sent on"), required=False, widget=DATE)


class AssignForm(forms.Form):
    assignee = forms.ChoiceField(label=_("assigned to"), required=False, choices=assignees)
