"""The written questions in the API: the register, one question (the CLI's `show` JSON),
its drafted answer (from the snapshot once approved, like every other rendering), and
taking a question in from its text (analysts and admins).

Written questions and their answers are public parliamentary documents: every role may
read them, cluster managers too; only analysts and admins take them in.
"""

from datetime import date
from typing import Any

from django.core.validators import RegexValidator
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response

from clustermonitor.access import permissions
from clustermonitor.api import schema
from clustermonitor.api.params import BadParameter, only_known, parse_as_of, parse_choice
from clustermonitor.api.views import AnsweringView, ApiView
from clustermonitor.questions import selectors, services
from clustermonitor.questions.draft import question_answer
from clustermonitor.questions.models import Status, WrittenQuestion
from clustermonitor.reports.answer.model import LANGUAGES

# Text with something in it besides spaces, and no NUL character (which DRF refuses):
# stated as a pattern, so the schema says exactly which texts the API takes.
WORDS = RegexValidator(r"^[^\x00]*[^\s\x00][^\x00]*$", "give some text, without NUL characters")


def words(**kwargs: Any) -> serializers.CharField:
    return serializers.CharField(validators=[WORDS], **kwargs)


class QuestionInSerializer(serializers.Serializer):
    text = words(help_text="the question's full text, as in the parliament's document")
    number = serializers.IntegerField(required=False, min_value=1, help_text="overrides the text's")
    date = serializers.DateField(required=False, help_text="YYYY-MM-DD; overrides the text's")
    asker = words(required=False, max_length=200)
    title = words(required=False)
    replace = serializers.BooleanField(required=False, default=False)


QUESTION = OpenApiResponse(
    OpenApiTypes.OBJECT, description="as `clustermonitor question show N --format json`"
)
LIST: dict[str, Any] = {
    "summary": "The written questions, each as `question show --format json` gives it",
    "parameters": [
        OpenApiParameter("status", OpenApiTypes.STR, enum=list(Status.values), description="only this state"),
        OpenApiParameter("q", OpenApiTypes.STR, description="full-text search in questions and answers"),
    ],
    "responses": {200: OpenApiResponse(OpenApiTypes.OBJECT), **schema.ERRORS},
}
ADD: dict[str, Any] = {
    "summary": "Take a written question in from its text (analysts and admins)",
    "request": QuestionInSerializer,
    "responses": {201: QUESTION, **schema.ERRORS},
}
# A question's address: /api/v1/questions/<session>/<number>/…
KEY = [
    OpenApiParameter(
        "session",
        {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{4}$", "example": "2018-2019"},
        OpenApiParameter.PATH,
        description="the parliamentary session, e.g. 2018-2019",
    ),
    OpenApiParameter(
        "number", {"type": "integer", "minimum": 1}, OpenApiParameter.PATH, description="its number"
    ),
]
ONE: dict[str, Any] = {
    "summary": "One written question by session and number",
    "parameters": KEY,
    "responses": {
        200: QUESTION,
        **schema.ERRORS,
        404: OpenApiResponse(schema.ErrorSerializer, description="no such question"),
    },
}


class QuestionListView(ApiView):
    @schema.documented(operation_id="questions_list", **LIST)
    def get(self, request: Request) -> Response:
        query = request.query_params
        only_known(query, ("status", "q"))
        status = parse_choice(query, "status", Status.values, "") if "status" in query else None
        found = selectors.question_list(status=status, search=query.get("q", ""))
        return Response({"questions": [selectors.question_json(q) for q in found]})

    @schema.documented(operation_id="questions_add", **ADD)
    def post(self, request: Request) -> Response:
        if not permissions.may_enter_data(request.user):
            raise PermissionDenied("only analysts and admins take written questions in")
        body = QuestionInSerializer(data=request.data)
        if not body.is_valid():
            field, problems = next(iter(body.errors.items()))
            raise BadParameter(field, str(problems[0]))
        given: dict[str, Any] = body.validated_data
        asked_on: date | None = given.get("date")
        try:
            question = services.question_add(
                given["text"], actor=request.user.get_username(), number=given.get("number"),
                asked_on=asked_on, asker=given.get("asker"), title=given.get("title"),
                replace=given["replace"],
            )  # fmt: skip
        except services.QuestionError as error:
            raise BadParameter("text", str(error)) from None
        return Response(selectors.question_json(question), status=201)


class QuestionView(ApiView):
    @schema.documented(operation_id="question_get", **ONE)
    def get(self, request: Request, session: str, number: int) -> Response:
        return Response(selectors.question_json(_found(session, number)))


ANSWER: dict[str, Any] = {
    "summary": "A written question's drafted answer; once approved, as frozen in its snapshot",
    "parameters": [
        *KEY,
        OpenApiParameter(
            "as_of", OpenApiTypes.DATE, description="figures as known then (a draft only; frozen: ignored)"
        ),
        *schema.ANSWER_FORMS,
    ],
    "responses": {
        **schema.ANSWER_RESPONSES,
        (404, "application/json"): OpenApiResponse(schema.ErrorSerializer, description="no such question"),
    },
}


def _found(session: str, number: int) -> WrittenQuestion:
    try:
        return selectors.question_find(number, session)
    except services.QuestionError as error:
        raise NotFound(str(error)) from None


class QuestionAnswerView(AnsweringView):
    @schema.documented(operation_id="question_answer_get", **ANSWER)
    def get(self, request: Request, session: str, number: int) -> Response:
        query = request.query_params
        only_known(query, ("as_of", "lang", "format"))
        question = _found(session, number)
        lang = parse_choice(query, "lang", LANGUAGES, "nl")
        return self.answered(request, question_answer(question, as_of=parse_as_of(query), lang=lang))
