"""Users in the Django admin: raw records, with the role and the Person they log in as."""

from django import forms
from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User
from .services import STAFF_ROLES, change_role, check_new_staff, create_staff_user


class StaffCreationForm(forms.ModelForm):
    """Staff are created without a password: they sign in with an emailed code, then set one."""

    role = forms.ChoiceField(label=_("role"), choices=[(r.value, r.label) for r in STAFF_ROLES])

    class Meta:
        model = User
        fields = ["email", "role"]

    def clean(self):
        data = super().clean()
        if data.get("email") and data.get("role"):
            check_new_staff(data["email"], role=data["role"])
        return data

    def validate_unique(self):
        pass  # check_new_staff compares normalised addresses, which the model check cannot


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    add_form = StaffCreationForm
    add_fieldsets = [(None, {"fields": ["email", "role"]})]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Role"), {"fields": ["role", "person", "is_active"]}),
        (_("Names"), {"fields": ["first_name", "last_name"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    readonly_fields = ["last_login", "date_joined"]
    raw_id_fields = ["person"]
    list_display = ["email", "role", "person", "is_active", "last_login"]
    list_filter = ["role", "is_active"]
    search_fields = ["email", "person__given_name", "person__family_name"]
    ordering = ["email"]

    def save_model(self, request, obj, form, change):
        if not change:
            # The add form never saves the instance itself; the service makes the user.
            created = create_staff_user(
                obj.email, role=form.cleaned_data["role"], actor=request.user
            )
            obj.__dict__.update(created.__dict__)
            return
        super().save_model(request, obj, form, change)
        if "role" in form.changed_data:
            change_role(obj, role=obj.role, actor=request.user)
