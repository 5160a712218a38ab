from django.urls import path

from clustermonitor.web import views

urlpatterns = [path("", views.home, name="home")]
