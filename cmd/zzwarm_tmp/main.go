package main

import (
	_ "fyne.io/fyne/v2/app"
	_ "fyne.io/fyne/v2/dialog"
	_ "fyne.io/fyne/v2/test"
	_ "fyne.io/fyne/v2/widget"
	_ "fyne.io/fyne/v2/container"
	_ "fyne.io/fyne/v2/storage"
)

func main() {}
