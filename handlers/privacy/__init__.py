"""Data protection and membership control: consent to the privacy notice, a member's data
export and erasure, invitations, admin roles, the audit trail and the team's statistics."""
