"""Lenient request parameters, shared by every list's filter (the search
page's ArticleFilter, the agreement, official and locality lists, the API).

Every parameter is lenient: an unknown or malformed value is dropped, never an
error, so a stale or hand-edited URL still shows a page.
"""

import re

import django_filters
from django import forms

from archive.search.query import MAX_QUERY_CHARS

MAX_VALUES = 20  # per parameter: more is not a search anyone means
_SLUG = re.compile(r"[-a-zA-Z0-9_]{1,160}")
_PERIOD = re.compile(r"((?:19|20)\d\d)-((?:19|20)\d\d)")


def _as_list(value) -> list[str]:
    if value is None:
        return []
    values = value if isinstance(value, (list, tuple)) else [value]
    return list(dict.fromkeys(v for v in values if isinstance(v, str) and v))[:MAX_VALUES]


class LenientChoicesField(forms.MultipleChoiceField):
    """Keeps the known values, drops the others."""

    widget = forms.MultipleHiddenInput

    def clean(self, value):
        return [v for v in _as_list(value) if self.valid_value(v)]


class LenientEntitiesField(forms.ModelMultipleChoiceField):
    """The entities whose `to_field_name` is among the values (one query);
    unknown values are dropped."""

    widget = forms.MultipleHiddenInput

    def clean(self, value):
        values = [v for v in _as_list(value) if _SLUG.fullmatch(v)]
        if not values:
            return []
        return list(self.queryset.filter(**{f"{self.to_field_name}__in": values}))


class YearsField(LenientChoicesField):
    def valid_value(self, value):
        return value.isdecimal() and 1900 <= int(value) <= 2100  # not isdigit: "¹" is a digit int() refuses

    def clean(self, value):
        return sorted({int(v) for v in super().clean(value)})


class PeriodsField(LenientChoicesField):
    def valid_value(self, value):
        match = _PERIOD.fullmatch(value)
        return bool(match) and int(match.group(1)) <= int(match.group(2))

    def clean(self, value):
        return [tuple(int(part) for part in v.split("-")) for v in super().clean(value)]


class QueryField(forms.CharField):
    """Any text: control characters become spaces (Postgres refuses NUL),
    and a very long query is cut rather than refused."""

    def clean(self, value):
        value = value if isinstance(value, str) else ""
        return re.sub(r"[\x00-\x1f\x7f]", " ", value)[:MAX_QUERY_CHARS].strip()


class SortField(forms.ChoiceField):
    def clean(self, value):
        return value if isinstance(value, str) and self.valid_value(value) else ""


class QueryFilter(django_filters.CharFilter):
    field_class = QueryField


class EntitiesFilter(django_filters.ModelMultipleChoiceFilter):
    field_class = LenientEntitiesField


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    field_class = LenientChoicesField


class YearsFilter(django_filters.Filter):
    field_class = YearsField


class PeriodsFilter(django_filters.Filter):
    field_class = PeriodsField


class SortFilter(django_filters.Filter):
    field_class = SortField


class LenientFilterSet(django_filters.FilterSet):
    @property
    def values(self) -> dict:
        """The cleaned parameters (after validation)."""
        self.errors  # noqa: B018 - runs validation
        return self.form.cleaned_data
