from .pages import ArticlePage, InterviewPage, NewsIndexPage, NewsPage
from .topics import Topic

__all__ = ["ArticlePage", "InterviewPage", "NewsIndexPage", "NewsPage", "Topic"]
