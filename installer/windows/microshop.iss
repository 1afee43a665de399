; Inno Setup 6 script for 微店管家 (MicroShop): a per-user install that needs no administrator rights.
;
; Input: dist\MicroShop\ from `python scripts/build_app.py` (PyInstaller one-folder build).
; Build on Windows:  iscc /DAppVersion=0.1.0 installer\windows\microshop.iss
; Output: dist\MicroShop-<version>-windows-setup.exe
;
; Reviewed against the Inno Setup 6 help: [Setup] PrivilegesRequired (lowest = non administrative
; install mode: {autopf} becomes %LOCALAPPDATA%\Programs, {autoprograms}/{autodesktop} the user's
; own Start menu and desktop), [Icons], [Tasks], [Run], AppId (same id = installing over updates).
;
; User data is NOT in {app}: the app keeps its book, backups and pictures in %LOCALAPPDATA%\MicroShop
; (platformdirs), which this installer never writes and the uninstaller never deletes. Installing a
; newer version over an older one replaces the program files only.
;
; ChineseSimplified.isl is an unofficial Inno Setup translation (jrsoftware/issrc,
; Files/Languages/Unofficial); the release workflow puts it beside this script before compiling.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "微店管家"
#define AppExe "MicroShop.exe"

[Setup]
AppId={{6F1C2B7E-4C2D-4B8A-9E3A-2D5C7A1B9F40}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=MicroShop
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\MicroShop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=MicroShop-{#AppVersion}-windows-setup
SetupIconFile=..\..\resources\icons\microshop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes
ShowLanguageDialog=no

[Languages]
Name: "chinesesimplified"; MessagesFile: "ChineseSimplified.isl"

[Tasks]
Name: "desktopicon"; Description: "在桌面创建快捷方式"; GroupDescription: "快捷方式："

[Files]
Source: "..\..\dist\MicroShop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A previous version's bundled libraries, so an update never mixes two versions' files.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "现在打开{#AppName}"; Flags: nowait postinstall skipifsilent
