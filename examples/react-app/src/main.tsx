import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { takeCheckoutReturn } from './checkout-return.js';
import './styles.css';

// Before the first render: StrictMode renders twice, and the URL is cleaned on the first read.
const checkoutReturn = takeCheckoutReturn();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App checkoutReturn={checkoutReturn} />
  </StrictMode>,
);
