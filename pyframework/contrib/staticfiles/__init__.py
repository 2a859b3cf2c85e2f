"""Static files (CSS, JavaScript, images): finding them in apps and serving them during development."""
