from django.db import migrations, models

# The seeded names carry markup, so the page shows autoescaping at work.
SEED_ROWS = 100


def seed_items(apps, schema_editor):
    Item = apps.get_model("shop", "Item")
    for number in range(1, SEED_ROWS + 1):
        Item.objects.create(name="Item <%d> & co" % number, price=number * 3)


class Migration(migrations.Migration):

    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="Item",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("name", models.CharField(max_length=100)),
                ("price", models.IntegerField()),
            ],
        ),
        migrations.CreateModel(
            name="Entry",
            fields=[
                ("id", models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("title", models.CharField(max_length=100)),
                ("quantity", models.IntegerField()),
            ],
        ),
        migrations.RunPython(seed_items, migrations.RunPython.noop),
    ]
