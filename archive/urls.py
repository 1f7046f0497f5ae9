from django.urls import path

from archive import views

app_name = "archive"

urlpatterns = [
    path("", views.home, name="home"),
    path("tim-kiem/", views.search_page, name="search"),
    path("bai-viet/<int:pk>/", views.article_detail, name="article"),
    path("dia-phuong/<slug:slug>/", views.locality_detail, name="locality"),
    path("can-bo/<slug:slug>/", views.official_detail, name="official"),
    path("co-quan/<int:pk>/", views.organisation_detail, name="organisation"),
    path("chuong-trinh/<int:pk>/", views.agreement_detail, name="agreement"),
    path("giai-doan/<str:key>/", views.period_detail, name="period"),
    path("van-ban/<int:pk>/", views.document_detail, name="document"),
]
