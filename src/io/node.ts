// Placeholder replaced below in the same work session.
export {};
