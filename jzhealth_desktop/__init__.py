"""jzhealth-desktop: health statistics for Jiaozuo's counties and city (焦作市卫生健康统计)."""

__version__ = "0.1.0"
