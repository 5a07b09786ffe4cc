"""Views of the search page (work in progress: the page lands in the next commit)."""

from django.http import HttpResponse, JsonResponse


def search_page(request):
    return HttpResponse("Search is coming.")


def suggest(request):
    return JsonResponse({"suggestions": []})
