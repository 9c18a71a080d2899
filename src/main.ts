import { mount } from 'svelte';
import { loadFonts } from './fonts';
import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './app.css';
import App from './App.svelte';

// No file can be chosen before the app is mounted, so no font request can follow one.
await loadFonts();
mount(App, { target: document.getElementById('app')! });
