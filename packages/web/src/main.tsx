import { createRoot } from 'react-dom/client';
import * as echarts from 'echarts';

const root = document.getElementById('root');
if (root !== null) createRoot(root).render(<div>huitou {typeof echarts.init}</div>);
