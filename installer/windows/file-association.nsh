; Windows file association for Knotwork practice files (.knotwork), included by the NSIS
; installer that CPack writes (installer/Packaging.cmake). SHCTX follows the installer's
; choice of "all users" (HKLM) or "current user" (HKCU).
!ifndef KNOTWORK_FILE_ASSOCIATION_NSH
!define KNOTWORK_FILE_ASSOCIATION_NSH

!define KNOTWORK_PROGID "Knotwork.Practice"

!macro KnotworkAssociate
  WriteRegStr SHCTX "Software\Classes\.knotwork" "" "${KNOTWORK_PROGID}"
  WriteRegStr SHCTX "Software\Classes\.knotwork" "Content Type" "application/x-knotwork-practice"
  WriteRegStr SHCTX "Software\Classes\.knotwork\OpenWithProgids" "${KNOTWORK_PROGID}" ""
  WriteRegStr SHCTX "Software\Classes\${KNOTWORK_PROGID}" "" "Knotwork practice"
  WriteRegStr SHCTX "Software\Classes\${KNOTWORK_PROGID}\DefaultIcon" "" "$INSTDIR\bin\knotwork.ico"
  WriteRegStr SHCTX "Software\Classes\${KNOTWORK_PROGID}\shell\open\command" "" '"$INSTDIR\bin\knotwork.exe" "%1"'
  WriteRegStr SHCTX "Software\Classes\Applications\knotwork.exe" "FriendlyAppName" "Knotwork"
  WriteRegStr SHCTX "Software\Classes\Applications\knotwork.exe\SupportedTypes" ".knotwork" ""
  ; Tell Explorer that file associations changed (SHCNE_ASSOCCHANGED).
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!macro KnotworkUnassociate
  ; .knotwork is given back only while it still points at Knotwork.
  ReadRegStr $0 SHCTX "Software\Classes\.knotwork" ""
  StrCmp $0 "${KNOTWORK_PROGID}" 0 +2
    DeleteRegValue SHCTX "Software\Classes\.knotwork" ""
  DeleteRegValue SHCTX "Software\Classes\.knotwork" "Content Type"
  DeleteRegValue SHCTX "Software\Classes\.knotwork\OpenWithProgids" "${KNOTWORK_PROGID}"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.knotwork\OpenWithProgids"
  DeleteRegKey /ifempty SHCTX "Software\Classes\.knotwork"
  DeleteRegKey SHCTX "Software\Classes\${KNOTWORK_PROGID}"
  DeleteRegKey SHCTX "Software\Classes\Applications\knotwork.exe"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
!macroend

!endif
