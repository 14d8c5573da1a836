import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(<div>台账</div>);
