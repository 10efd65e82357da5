/** What a command returns: 0 success, 1 a check failed, 2 bad input, 3 the project, 130 interrupted. */
export type ExitCode = 0 | 1 | 2 | 3 | 130;
