"""Placeholder home page until the web application (its own issue) lands."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from clustermonitor.reports.budget_overview import budget_overview
from clustermonitor.reports.selectors import latest_year


def home(request: HttpRequest) -> HttpResponse:
    year = latest_year()
    report = budget_overview(year=year) if year is not None else None
    return render(request, "web/home.html", {"report": report, "year": year})
