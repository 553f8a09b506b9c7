; 焦作市卫生健康统计 — per-user Windows installer (NSIS 3, Unicode, Simplified Chinese UI).
;
; Built by tools/build_installer.py, which passes on the makensis command line:
;   -DVERSION_NSH=FILE  the defines written by tools/version_info.py from jzhealth_desktop.__version__
;                       (APP_VERSION, APP_VERSION_WIN, APP_PRODUCT, APP_PUBLISHER, APP_EXE)
;   -DDIST_DIR=DIR      the PyInstaller folder (dist/jzhealth-desktop)
;   -DOUT_FILE=FILE     the setup file to write
;   -DCOMPRESSOR=none   optional: quick compile checks on Linux (the release uses solid LZMA)
; This script spells no version number: the package is the one source of truth.
;
; Install: %LOCALAPPDATA%\Programs\jzhealth-desktop, no administrator prompt, registered under HKCU.
; Upgrade: runs over an installed copy in place (same folder, old runtime removed first).
; User data lives in %LOCALAPPDATA%\Jiaozuo\jzhealth-desktop (jzhealth_desktop/paths.py), never in the
; install folder: upgrades never touch it; uninstall asks and keeps it by default (and when silent).

Unicode true
ManifestDPIAware true
RequestExecutionLevel user
!ifndef COMPRESSOR
  !define COMPRESSOR "/SOLID lzma"
!endif
!if "${COMPRESSOR}" == "none"
  SetCompress off
!else
  SetCompressor ${COMPRESSOR}
!endif
!if "${COMPRESSOR}" == "/SOLID lzma"
  SetCompressorDictSize 64
!endif

!ifndef VERSION_NSH | DIST_DIR | OUT_FILE
  !error "Build with tools/build_installer.py (needs -DVERSION_NSH, -DDIST_DIR and -DOUT_FILE)"
!endif
!include "${VERSION_NSH}"
!ifndef APP_VERSION | APP_VERSION_WIN | APP_PRODUCT | APP_EXE
  !error "${VERSION_NSH} lacks the version defines"
!endif

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "FileFunc.nsh"

!define APP_ID "jzhealth-desktop"
!define CLI_EXE "jzhealth.exe"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define DATA_DIR "$LOCALAPPDATA\Jiaozuo\jzhealth-desktop"
!define SHORTCUT "${APP_PRODUCT}.lnk"
!define ICON_FILE "${__FILEDIR__}/../resources/icons/jzhealth.ico"

Name "${APP_PRODUCT}"
OutFile "${OUT_FILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
BrandingText "${APP_PRODUCT} ${APP_VERSION}"
ShowInstDetails show
ShowUninstDetails show

Var PreviousVersion

; ---- pages -----------------------------------------------------------------------------------------
!define MUI_ICON "${ICON_FILE}"
!define MUI_UNICON "${ICON_FILE}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC
!define MUI_WELCOMEPAGE_TEXT "本向导将在本机为当前用户安装 ${APP_PRODUCT} ${APP_VERSION}，不需要管理员权限。$\r$\n$\r$\n如已安装旧版本，将在原位置升级；已录入的数据保存在个人数据文件夹中，升级不会改动。$\r$\n$\r$\n请先关闭正在运行的 ${APP_PRODUCT}，然后单击“下一步”。"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_COMPONENTS
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipDirectoryOnUpgrade
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"

VIProductVersion "${APP_VERSION_WIN}"
VIFileVersion "${APP_VERSION_WIN}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_PRODUCT}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${APP_VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${APP_VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_PRODUCT} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${APP_PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "${APP_PUBLISHER}"

; ---- install ---------------------------------------------------------------------------------------
Function .onInit
  ReadRegStr $PreviousVersion HKCU "${UNINST_KEY}" "DisplayVersion"
FunctionEnd

; An installed copy fixes the folder: upgrading elsewhere would leave two copies behind.
Function SkipDirectoryOnUpgrade
  ${If} $PreviousVersion != ""
  ${AndIf} ${FileExists} "$INSTDIR\${APP_EXE}"
    Abort
  ${EndIf}
FunctionEnd

; Windows refuses to delete a running exe: use that to ask the clerk to close the program first.
Function CloseRunningProgram
  ${IfNot} ${FileExists} "$INSTDIR\${APP_EXE}"
    Return
  ${EndIf}
  retry:
  ClearErrors
  Delete "$INSTDIR\${APP_EXE}"
  ${If} ${Errors}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "${APP_PRODUCT} 正在运行。请先关闭它，再单击“重试”。" /SD IDCANCEL IDRETRY retry
    Abort "${APP_PRODUCT} 正在运行，安装已取消。"
  ${EndIf}
FunctionEnd

Section "!${APP_PRODUCT}（必需）" SecProgram
  SectionIn RO
  SetOutPath "$INSTDIR"
  Call CloseRunningProgram
  ${If} $PreviousVersion != ""
    DetailPrint "升级：$PreviousVersion → ${APP_VERSION}"
  ${EndIf}
  ; Remove the previous runtime so no module of the old version survives the upgrade.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${CLI_EXE}"
  File /r "${DIST_DIR}/*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${SHORTCUT}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${APP_PRODUCT}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${APP_VERSION}"
  WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${APP_PUBLISHER}"
  WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section "桌面快捷方式" SecDesktop
  CreateShortcut "$DESKTOP\${SHORTCUT}" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

; ---- uninstall -------------------------------------------------------------------------------------
Section "Uninstall"
  ClearErrors
  Delete "$INSTDIR\${APP_EXE}"
  ${If} ${Errors}
    MessageBox MB_OK|MB_ICONEXCLAMATION "${APP_PRODUCT} 正在运行。请先关闭它，再重新卸载。" /SD IDOK
    Abort "${APP_PRODUCT} 正在运行，卸载已取消。"
  ${EndIf}
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\uninstall.exe"
  ; Windows cannot remove the working folder of a running process: step out of $INSTDIR first. (uninstall.exe
  ; runs as a copy in %TEMP% with _?=$INSTDIR, so it can delete itself; run in place with _?= it could not.)
  SetOutPath "$TEMP"
  RMDir "$INSTDIR"  ; only if empty: never delete files the clerk put there
  ${If} ${FileExists} "$INSTDIR\*.*"
    DetailPrint "安装文件夹中还有其他文件，已保留：$INSTDIR"
  ${EndIf}
  Delete "$SMPROGRAMS\${SHORTCUT}"
  Delete "$DESKTOP\${SHORTCUT}"
  DeleteRegKey HKCU "${UNINST_KEY}"

  ; The statistics and their backups: ask, keep by default (and always when silent).
  ${If} ${FileExists} "${DATA_DIR}\*.*"
    MessageBox MB_YESNO|MB_ICONQUESTION|MB_DEFBUTTON2 "是否同时删除本机保存的统计数据和备份？$\r$\n$\r$\n${DATA_DIR}$\r$\n$\r$\n删除后无法恢复。选择“否”将保留数据，重新安装后可继续使用。" /SD IDNO IDYES delete_data
    DetailPrint "已保留数据文件夹：${DATA_DIR}"
    Goto done
    delete_data:
    RMDir /r "${DATA_DIR}"
    RMDir "$LOCALAPPDATA\Jiaozuo"  ; only if empty
    DetailPrint "已删除数据文件夹：${DATA_DIR}"
  ${EndIf}
  done:
SectionEnd
