from django.urls import path

from archive import api

app_name = "api"

urlpatterns = [
    path("", api.index, name="index"),
    path("openapi.json", api.openapi, name="openapi"),
    path("articles/", api.articles, name="articles"),
    path("articles/<int:pk>/", api.article, name="article"),
    path("officials/", api.officials, name="officials"),
    path("officials/<slug:slug>/", api.official, name="official"),
    path("localities/", api.localities, name="localities"),
    path("localities/<slug:slug>/", api.locality, name="locality"),
    path("agreements/", api.agreements, name="agreements"),
    path("agreements/<int:pk>/", api.agreement, name="agreement"),
]
