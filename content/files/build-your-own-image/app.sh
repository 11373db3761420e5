# A tiny web app: writes the greeting from the GREETING environment variable into a page,
# then serves it on port 8000 with BusyBox's web server, in the foreground.
echo "$GREETING" > www/index.html
echo "Listening on port 8000"
exec httpd -f -p 8000 -h www
