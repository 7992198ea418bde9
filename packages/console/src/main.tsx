/**
 * @module The console's entry: its stylesheet and the app, rendered into `#app`.
 */
import './styles/console.css';
import { render } from 'preact';
import { App } from './app.js';

render(<App />, document.getElementById('app')!);
