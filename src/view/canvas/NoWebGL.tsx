/** What a browser without WebGL shows where the picture would be: training still runs. */
export function NoWebGL() {
  return (
    <div className="view-fallback" role="alert">
      This browser has no WebGL, so the sphere cannot be drawn. Training still runs: the numbers below are live. Try a current Chrome,
      Firefox or Safari, or enable hardware acceleration.
    </div>
  );
}
