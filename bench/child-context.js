// The context a bench child runs telaah's main in: no terminal and no colour, as when piped, with its
// output handed to the child's own writers (a counter for a large listing, a string for a summary).
export function childContext(project, { stdout, stderr, columns }) {
  return {
    stdout: { write: stdout },
    stderr: { write: stderr },
    stdoutIsTTY: false,
    stderrIsTTY: false,
    color: false,
    cwd: project,
    env: process.env,
    now: () => new Date(),
    columns,
  };
}
