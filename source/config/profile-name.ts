// Profile names end up as JSON keys and in messages: keep them short, printable and free of surprises.
const profileNamePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const isProfileName = (name: string): boolean => profileNamePattern.test(name);
