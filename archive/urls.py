from django.urls import path

from archive import directory_views, feeds, views

app_name = "archive"

urlpatterns = [
    path("", views.home, name="home"),
    path("tim-kiem/", views.search_page, name="search"),
    path("tim-kiem/atom/", feeds.SearchArticles(), name="search-feed"),
    path("atom/", feeds.LatestArticles(), name="feed"),
    path("bai-viet/<int:pk>/", views.article_detail, name="article"),
    path("tinh-thanh/", views.province_overview, name="provinces"),
    path("dia-phuong/", directory_views.locality_directory, name="localities"),
    path("dia-phuong/<slug:slug>/", views.locality_detail, name="locality"),
    path("dia-phuong/<slug:slug>/atom/", feeds.LocalityArticles(), name="locality-feed"),
    path("can-bo/", directory_views.official_directory, name="officials"),
    path("can-bo/<slug:slug>/", views.official_detail, name="official"),
    path("can-bo/<slug:slug>/atom/", feeds.OfficialArticles(), name="official-feed"),
    path("co-quan/", directory_views.organisation_directory, name="organisations"),
    path("co-quan/<int:pk>/", views.organisation_detail, name="organisation"),
    path("chuong-trinh/", views.agreement_list, name="agreements"),
    path("chuong-trinh/<int:pk>/", views.agreement_detail, name="agreement"),
    path("giai-doan/", views.period_list, name="periods"),
    path("giai-doan/<str:key>/", views.period_detail, name="period"),
    path("van-ban/", directory_views.document_directory, name="documents"),
    path("van-ban/<int:pk>/", views.document_detail, name="document"),
]
