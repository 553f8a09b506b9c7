"""Use cases. Each public function is one user action and one transaction; on any error nothing is written."""
