/* cdiffusion: a hand-written CPython extension around diffusion.c (book 7, "CPython Module").
 *
 * evolve(grid, out, D=1.0, dt=0.1) checks its arguments with the NumPy C API
 * (float64, 2-D, square, C-contiguous, same shape, `out` writeable and not
 * `grid`), then runs the C step with the GIL released. The book's version
 * is called with dt and D swapped; keywords make that mistake hard here.
 */
#define PY_SSIZE_T_CLEAN
#define NPY_NO_DEPRECATED_API NPY_1_7_API_VERSION
#include <Python.h>
#include <numpy/arrayobject.h>

#include "diffusion.h"

// book: 2nd ed., "CPython Module" (python_interface.c: every argument checked, the GIL released)
static int check_grid(PyObject *object, const char *name, int writeable)
{
    if (!PyArray_Check(object)) {
        PyErr_Format(PyExc_TypeError, "%s must be a NumPy array", name);
        return 0;
    }
    PyArrayObject *array = (PyArrayObject *)object;
    if (PyArray_TYPE(array) != NPY_DOUBLE) {
        PyErr_Format(PyExc_TypeError, "%s must hold float64 values", name);
        return 0;
    }
    if (PyArray_NDIM(array) != 2 || PyArray_DIM(array, 0) != PyArray_DIM(array, 1)) {
        PyErr_Format(PyExc_ValueError, "%s must be a square 2-D array", name);
        return 0;
    }
    if (!PyArray_IS_C_CONTIGUOUS(array)) {
        PyErr_Format(PyExc_ValueError, "%s must be C-contiguous", name);
        return 0;
    }
    if (writeable && !PyArray_ISWRITEABLE(array)) {
        PyErr_Format(PyExc_ValueError, "%s must be writeable", name);
        return 0;
    }
    return 1;
}

static PyObject *py_evolve(PyObject *self, PyObject *args, PyObject *kwargs)
{
    static char *keywords[] = {"grid", "out", "D", "dt", NULL};
    PyObject *grid, *out;
    double D = 1.0, dt = 0.1;
    if (!PyArg_ParseTupleAndKeywords(args, kwargs, "OO|dd", keywords, &grid, &out, &D, &dt)) {
        return NULL;
    }
    if (!check_grid(grid, "grid", 0) || !check_grid(out, "out", 1)) {
        return NULL;
    }
    if (PyArray_DIM((PyArrayObject *)grid, 0) != PyArray_DIM((PyArrayObject *)out, 0)) {
        PyErr_SetString(PyExc_ValueError, "grid and out must have the same shape");
        return NULL;
    }
    if (PyArray_DATA((PyArrayObject *)grid) == PyArray_DATA((PyArrayObject *)out)) {
        PyErr_SetString(PyExc_ValueError, "out must be a different buffer from grid");
        return NULL;
    }
    long n = (long)PyArray_DIM((PyArrayObject *)grid, 0);
    const double *in_data = PyArray_DATA((PyArrayObject *)grid);
    double *out_data = PyArray_DATA((PyArrayObject *)out);
    Py_BEGIN_ALLOW_THREADS
    evolve(in_data, out_data, n, D, dt);
    Py_END_ALLOW_THREADS
    Py_RETURN_NONE;
}

static PyMethodDef methods[] = {
    {"evolve", (PyCFunction)(void (*)(void))py_evolve, METH_VARARGS | METH_KEYWORDS,
     "evolve(grid, out, D=1.0, dt=0.1): one periodic diffusion step from grid into out."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {
    PyModuleDef_HEAD_INIT, "cdiffusion",
    "2-D diffusion step written in C, called through the CPython and NumPy C APIs.", -1, methods,
};

PyMODINIT_FUNC PyInit_cdiffusion(void)
{
    import_array();
    return PyModule_Create(&module);
}
// book: end
