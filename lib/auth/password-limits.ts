export const PASSWORD_MIN_LENGTH = 12;
// Long enough for passphrases, short enough that hashing cannot be used to tie up the server.
export const PASSWORD_MAX_LENGTH = 256;
