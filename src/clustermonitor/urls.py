from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("clustermonitor.api.urls")),
    path("", include("clustermonitor.web.urls")),
]
