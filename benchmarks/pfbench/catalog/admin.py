"""The ``admin-changelist`` scenario's change list: 100,000 products, each showing its supplier."""
from __future__ import unicode_literals

from pyframework.contrib import admin

from catalog.models import Product


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    list_display = ["name", "supplier", "price"]
    # The supplier comes in the page's query (a JOIN), not one query per row.
    list_select_related = ["supplier"]
    search_fields = ["name"]
    ordering = ["id"]
    # One COUNT per page: the unfiltered total would be a second COUNT over the same 100,000 rows.
    show_full_result_count = False
