"""One member across Telegram and Slack: link codes, joining and separating accounts, and
where a member with several accounts gets notifications."""
