"""matplotlib backend for Executor (``MPLBACKEND=module://_executor.mpl_backend``).

Draws with Agg; ``plt.show()`` shows every open figure in the console as a PNG and
closes it. Figures still open when a run ends are shown by the runner.
"""

from matplotlib.backend_bases import FigureManagerBase, _Backend
from matplotlib.backends.backend_agg import FigureCanvasAgg

from _executor.display import flush_figures


@_Backend.export
class _BackendExecutor(_Backend):
    FigureCanvas = FigureCanvasAgg
    FigureManager = FigureManagerBase

    @staticmethod
    def show(*args, **kwargs):
        flush_figures()
