import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("course_pages", "0006_image_permissions"),
    ]

    operations = [
        migrations.AddField(
            model_name="coursepage",
            name="certificate_template",
            field=models.CharField(
                blank=True,
                choices=[
                    ("classic", "Classic: gold frame, serif letters"),
                    ("modern", "Modern: plum band, clean letters"),
                    ("minimal", "Minimal: white page, fine lines"),
                ],
                default="classic",
                help_text="The PDF certificate students receive when they complete the course.",
                max_length=10,
                verbose_name="certificate design",
            ),
        ),
        migrations.AddField(
            model_name="instructorpage",
            name="signature",
            field=models.ForeignKey(
                blank=True,
                help_text="A scan or photo of your signature on a white background, printed on your students' certificates.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="course_pages.academyimage",
                verbose_name="signature",
            ),
        ),
    ]
