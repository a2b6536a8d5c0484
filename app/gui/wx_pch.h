// Precompiled header for the desktop program: the wxWidgets headers nearly every window uses.
#pragma once
#include <wx/wx.h>
#include <wx/dataview.h>
#include <wx/notebook.h>
#include <wx/splitter.h>
#include <wx/spinctrl.h>
#include <wx/datectrl.h>
#include <wx/grid.h>
#include <wx/config.h>
#include <wx/stdpaths.h>
