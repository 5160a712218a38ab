from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/", include("clustermonitor.api.urls")),
    path("", include("clustermonitor.web.urls")),
]

handler400 = "clustermonitor.web.errors.bad_request"
handler403 = "clustermonitor.web.errors.forbidden"
handler404 = "clustermonitor.web.errors.not_found"
handler500 = "clustermonitor.web.errors.server_error"
