"""The API's views: thin — parameters checked (params.py), access checked (access.py), the
report made by `report_build` and printed by the CLI's JSON printing (renderers.py)."""

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.renderers import OpenApiJsonRenderer, OpenApiYamlRenderer
from drf_spectacular.views import SpectacularAPIView
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from clustermonitor.api import access, schema
from clustermonitor.api.params import (
    ANSWER_PARAMETERS,
    BadParameter,
    only_known,
    parse_as_of,
    parse_choice,
    parse_year,
    report_query,
)
from clustermonitor.api.renderers import JsonTextRenderer, MarkdownRenderer
from clustermonitor.reports.answer.data import LANGUAGES, Answer, answer_build
from clustermonitor.reports.answer.render import render_md
from clustermonitor.reports.figures import ReportError
from clustermonitor.reports.registry import REPORTS, ReportSpec, report_build
from clustermonitor.reports.renderers.cells import json_value


class ApiView(APIView):
    authentication_classes = access.AUTHENTICATION
    permission_classes = [access.MayRead]
    renderer_classes = [JsonTextRenderer]
    schema = AutoSchema()

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        """Errors are JSON whatever body format was asked for."""
        response = super().finalize_response(request, response, *args, **kwargs)
        if isinstance(response, Response) and response.status_code >= 400:
            response.accepted_renderer = JsonTextRenderer()
            response.accepted_media_type = JsonTextRenderer.media_type
        return response


class ReportListView(ApiView):
    @schema.documented(operation_id="reports_list", **schema.REPORT_LIST)
    def get(self, request: Request) -> Response:
        return Response({"reports": [_listed(spec) for spec in REPORTS.values()]})


class ReportView(ApiView):
    """Any report by name; an unknown name is a JSON 404. The schema shows one path per
    report instead (`one_report_view`), each with the parameters that report takes."""

    @schema.documented(exclude=True)
    def get(self, request: Request, name: str) -> Response:
        spec = REPORTS.get(name)
        if spec is None:
            raise NotFound(f"unknown report {name!r}: choose one of {', '.join(REPORTS)}")
        return _report_response(spec, request)


def one_report_view(spec: ReportSpec) -> type[ApiView]:
    """The view of one report's own path, documented with that report's parameters."""

    class OneReportView(ApiView):
        @schema.documented(**schema.report_operation(spec))
        def get(self, request: Request) -> Response:
            return _report_response(spec, request)

    return OneReportView


def _report_response(spec: ReportSpec, request: Request) -> Response:
    query = report_query(spec, request.query_params)
    try:
        report = report_build(spec.name, year=query.year, cluster=query.cluster, as_of=query.as_of)
    except ReportError as error:  # the checks left to the report: an unknown cluster
        raise BadParameter("cluster", str(error)) from None
    return Response(json_value(report))


class AnsweringView(ApiView):
    """A drafted answer, as JSON or (`?format=md`) Markdown: 228's shortcut and a question's."""

    renderer_classes = [JsonTextRenderer, MarkdownRenderer]

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        if not force:  # `?format=` picks the renderer; a wrong one is a 400, not DRF's 404
            parse_choice(request.query_params, "format", ("json", "md"), "json")
        return super().perform_content_negotiation(request, force)

    def answered(self, request: Request, answer: Answer) -> Response:
        if request.accepted_renderer.format == "md":
            return Response(render_md(answer))
        return Response(answer_json(answer))


class AnswerView(AnsweringView):
    @schema.documented(operation_id="answer_get", **schema.ANSWER)
    def get(self, request: Request) -> Response:
        query = request.query_params
        only_known(query, ANSWER_PARAMETERS)
        year = parse_year(query)
        if year is None:
            raise BadParameter("year", "the answer needs year, e.g. ?year=2018")
        lang = parse_choice(query, "lang", LANGUAGES, "nl")
        return self.answered(request, answer_build(year=year, as_of=parse_as_of(query), lang=lang))


class UnknownAddressView(ApiView):
    """Any other address under /api/: a JSON 404 like every other API error (Django's own
    404 page is HTML, which no client of the API expects)."""

    @schema.documented(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        raise NotFound("no such API address: see /api/v1/schema/")

    post = put = patch = delete = get


class SchemaView(SpectacularAPIView):
    """The OpenAPI 3 schema of the API (JSON; `?format=yaml` for YAML); no UI, no CDN."""

    renderer_classes = [OpenApiJsonRenderer, OpenApiYamlRenderer]
    authentication_classes = access.AUTHENTICATION
    permission_classes = [access.MayRead]
    custom_settings = schema.SETTINGS

    @schema.documented(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        return super().get(request, *args, **kwargs)


def _listed(spec: ReportSpec) -> dict[str, Any]:
    return {
        "name": spec.name,
        "question": spec.question,
        "url": f"/api/v1/reports/{spec.name}/",
        "parameters": [{"name": name, "use": use} for name, use in spec.option_uses().items()],
    }


def answer_json(answer: Answer) -> dict[str, Any]:
    """The answer as data: its texts, and its tables with the reports' own figures."""
    return json_value(
        {
            "answer": "written-question-228",
            "year": answer.year,
            "as_of": answer.as_of,
            "figures": answer.figures,
            "lang": answer.lang,
            "title": answer.title,
            "subtitle": answer.subtitle,
            "meta": answer.meta,
            "sections": [
                {
                    "number": section.number,
                    "question": section.question,
                    "paragraphs": section.paragraphs,
                    "tables": [
                        {
                            "title": table.title,
                            "columns": list(table.columns),
                            "headers": [answer.header(column) for column in table.columns],
                            "rows": [{c: row.get(c) for c in table.columns} for row in table.rows],
                        }
                        for table in section.tables
                    ],
                    "note": section.note,
                }
                for section in answer.sections
            ],
        }
    )
