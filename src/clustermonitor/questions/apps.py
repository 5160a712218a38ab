from django.apps import AppConfig


class QuestionsConfig(AppConfig):
    name = "clustermonitor.questions"
    label = "questions"
