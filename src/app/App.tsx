/** The application shell: title, the training view and its status. */
export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Hypersphere</h1>
        <p className="tagline">How margin losses shape features on the circle and the sphere</p>
      </header>
    </div>
  );
}
