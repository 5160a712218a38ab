"""What the OpenAPI schema says of each call: parameters, bodies, every status code.

Kept apart from the views so they stay thin; drf-spectacular reads these through
`@extend_schema`. 401, 403 and 404 are declared so a client generated from the schema
(or a schema-driven test) knows every answer the API can give.
"""

from collections.abc import Callable
from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers

from clustermonitor.clusters.selectors import cluster_names
from clustermonitor.domain.dates import FIRST_YEAR, LAST_YEAR
from clustermonitor.reports.answer.data import LANGUAGES
from clustermonitor.reports.registry import REPORTS, ReportSpec


def documented(**kwargs: Any) -> Callable[[Any], Any]:
    """`@extend_schema` on a view method, based on drf-spectacular's AutoSchema (the
    settings keep DRF's default schema class: the API sets its own, per view)."""

    def decorate(method: Any) -> Any:
        method.schema = AutoSchema
        return extend_schema(**kwargs)(method)

    return decorate


SETTINGS = {
    "TITLE": "clustermonitor reports API",
    "DESCRIPTION": (
        "Read-only: each report of docs/reports.md as the JSON `clustermonitor report NAME "
        "--format json` prints, and the drafted answer to written question 228 (2019). "
        "HTTP Basic or a session; every role may read reports, a cluster manager one "
        "cluster's data only for their own cluster."
    ),
    "VERSION": "1",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "clustermonitor.api.schema.cluster_codes_hook",
    ],
}


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="what is wrong, in words")
    parameter = serializers.CharField(
        required=False, help_text="the query parameter refused (400 only): year, cluster, as_of, …"
    )


class ParameterUseSerializer(serializers.Serializer):
    name = serializers.ChoiceField(choices=["year", "cluster", "as_of"])
    use = serializers.ChoiceField(choices=["required", "optional", "refused"])


class ReportListedSerializer(serializers.Serializer):
    name = serializers.ChoiceField(choices=list(REPORTS))
    question = serializers.CharField()
    url = serializers.CharField()
    parameters = ParameterUseSerializer(many=True)


class ReportListSerializer(serializers.Serializer):
    reports = ReportListedSerializer(many=True)


ERRORS: dict[int | tuple[int, str], Any] = {
    400: OpenApiResponse(ErrorSerializer, description="a parameter refused; `parameter` names it"),
    401: OpenApiResponse(ErrorSerializer, description="not authenticated (HTTP Basic or a session)"),
    403: OpenApiResponse(ErrorSerializer, description="the account may not read this"),
}
YEAR_SCHEMA = {"type": "integer", "minimum": FIRST_YEAR, "maximum": LAST_YEAR, "example": 2018}
AS_OF = OpenApiParameter(
    "as_of",
    OpenApiTypes.DATE,
    description="what was known on that date (YYYY-MM-DD); default: everything stored",
)
# The codes of the clusters stored, filled in when the schema is made (`cluster_codes_hook`).
CLUSTER = OpenApiParameter(
    "cluster", OpenApiTypes.STR, description="one cluster's code (default: every spearhead cluster)"
)


def year_parameter(description: str) -> OpenApiParameter:
    return OpenApiParameter("year", YEAR_SCHEMA, required=True, description=description)


REPORT_BODY = OpenApiResponse(OpenApiTypes.OBJECT, description="the report's JSON object")
REPORT_LIST: dict[str, Any] = {
    "summary": "The reports and the parameters each takes",
    "responses": {200: ReportListSerializer, 401: ERRORS[401], 403: ERRORS[403]},
}


def report_operation(spec: ReportSpec) -> dict[str, Any]:
    """One report's call: the parameters it requires or accepts, as the registry says.

    Each report has its own path in the schema, so `year` can be stated exactly: required
    by the yearly reports, absent (and refused) on the others."""
    uses = spec.option_uses()
    parameters = [
        *([year_parameter("the budget year, four digits")] if uses["year"] == "required" else []),
        *([CLUSTER] if uses["cluster"] == "optional" else []),
        AS_OF,
    ]
    return {
        "operation_id": f"report_{spec.name.replace('-', '_')}",
        "summary": f"{spec.name}: {spec.question}",
        "description": (
            f"Exactly as `clustermonitor report {spec.name} --format json` prints it. Amounts are "
            "strings with two decimals, ratios strings with four, counts integers "
            "(docs/reports.md gives every report's shape)."
        ),
        "parameters": parameters,
        "responses": {200: REPORT_BODY, **ERRORS},
    }


def cluster_codes_hook(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Postprocessing hook: a `cluster` parameter lists the codes stored when the schema is
    made, so the schema says exactly which values the API accepts."""
    codes = [code for code, _name in cluster_names()]
    if not codes:  # an empty database: an enum may not be empty
        return result
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "cluster" and parameter["in"] == "query":
                    parameter["schema"] = {"type": "string", "enum": codes}
    return result


# A drafted answer's language and body format, and its answers (errors are always JSON).
ANSWER_FORMS = [
    OpenApiParameter("lang", OpenApiTypes.STR, enum=list(LANGUAGES), description="default nl"),
    OpenApiParameter(
        "format", OpenApiTypes.STR, enum=["json", "md"], description="default json; md gives Markdown"
    ),
]
ANSWER_RESPONSES: dict[Any, Any] = {
    (200, "application/json"): OpenApiResponse(
        OpenApiTypes.OBJECT, description="sections with question, paragraphs, tables, note"
    ),
    (200, "text/markdown"): OpenApiResponse(OpenApiTypes.STR, description="the answer as Markdown"),
    **{(status, "application/json"): response for status, response in ERRORS.items()},
}
ANSWER: dict[str, Any] = {
    "summary": "The drafted answer to written question 228 (2019) for one year",
    "parameters": [
        year_parameter("the budget year, four digits"),
        AS_OF,
        *ANSWER_FORMS,
    ],
    "responses": ANSWER_RESPONSES,
}
