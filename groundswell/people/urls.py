from django.urls import path

from . import exports, views, views_imports

app_name = "people"
urlpatterns = [
    path("", views.person_list, name="person-list"),
    path("segments/", views.segment_list, name="segment-list"),
    path("segments/new/", views.segment_create, name="segment-create"),
    path("segments/<int:pk>/edit/", views.segment_edit, name="segment-edit"),
    path("segments/<int:pk>/delete/", views.segment_delete, name="segment-delete"),
    path("<uuid:uuid>/", views.person_detail, name="person-detail"),
    path("export.csv", exports.person_export, name="person-export"),
    path("imports/", views_imports.import_list, name="import-list"),
    path("imports/review/", views_imports.import_review, name="import-review"),
    path("imports/sample.csv", views_imports.import_sample, name="import-sample"),
    path("imports/review/<int:pk>/", views_imports.import_decide, name="import-decide"),
    path("imports/<uuid:uuid>/", views_imports.import_detail, name="import-detail"),
    path("imports/<uuid:uuid>/map/", views_imports.import_map, name="import-map"),
    path("imports/<uuid:uuid>/preview/", views_imports.import_preview, name="import-preview"),
    path("imports/<uuid:uuid>/errors.csv", views_imports.import_errors, name="import-errors"),
    path("imports/<uuid:uuid>/resume/", views_imports.import_resume, name="import-resume"),
]
