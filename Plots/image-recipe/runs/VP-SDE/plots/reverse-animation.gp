# reverse-animation: written by toy. Redraw with: gnuplot reverse-animation.gp
set terminal gif animate delay 12 loop 0 size 574,604 enhanced font 'DejaVu Sans,11'
set output 'reverse-animation.gif'
set border lw 1.2
set tics out nomirror
set key top right opaque
unset key
unset border
unset xtics
unset ytics
unset colorbox
set size ratio -1
set xrange [-0.5:177.5]
set yrange [-0.5:177.5]
set lmargin at screen 0.0
set palette grey
set cbrange [0:1]
set title 't = 1 (black to white: -4.7…4.1)'
plot 'reverse-animation.dat' index 0 using 1:2:3 with image
set title 't = 0.918 (black to white: -4.7…4.1)'
plot 'reverse-animation.dat' index 1 using 1:2:3 with image
set title 't = 0.857 (black to white: -4.7…4.1)'
plot 'reverse-animation.dat' index 2 using 1:2:3 with image
set title 't = 0.796 (black to white: -4.7…4.1)'
plot 'reverse-animation.dat' index 3 using 1:2:3 with image
set title 't = 0.715 (black to white: -4.7…4.0)'
plot 'reverse-animation.dat' index 4 using 1:2:3 with image
set title 't = 0.633 (black to white: -4.7…4.0)'
plot 'reverse-animation.dat' index 5 using 1:2:3 with image
set title 't = 0.531 (black to white: -4.8…4.1)'
plot 'reverse-animation.dat' index 6 using 1:2:3 with image
set title 't = 0.409 (black to white: -4.6…4.0)'
plot 'reverse-animation.dat' index 7 using 1:2:3 with image
set title 't = 0.286 (black to white: -4.2…3.6)'
plot 'reverse-animation.dat' index 8 using 1:2:3 with image
set title 't = 0.184 (black to white: -3.4…3.0)'
plot 'reverse-animation.dat' index 9 using 1:2:3 with image
set title 't = 0.103 (black to white: -2.5…2.2)'
plot 'reverse-animation.dat' index 10 using 1:2:3 with image
set title 't = 0.0418 (black to white: -1.7…1.6)'
plot 'reverse-animation.dat' index 11 using 1:2:3 with image
set title 't = 0.0214 (black to white: -1.4…1.3)'
plot 'reverse-animation.dat' index 12 using 1:2:3 with image
set title 't = 0.001 (black to white: -1.0…1.0)'
plot 'reverse-animation.dat' index 13 using 1:2:3 with image
set title 'sample (black to white: -1.0…1.0)'
plot 'reverse-animation.dat' index 14 using 1:2:3 with image
set title 'sample (black to white: -1.0…1.0)'
plot 'reverse-animation.dat' index 14 using 1:2:3 with image
set title 'sample (black to white: -1.0…1.0)'
plot 'reverse-animation.dat' index 14 using 1:2:3 with image
set title 'sample (black to white: -1.0…1.0)'
plot 'reverse-animation.dat' index 14 using 1:2:3 with image
set title 'sample (black to white: -1.0…1.0)'
plot 'reverse-animation.dat' index 14 using 1:2:3 with image
set title 'sample (black to white: -1.0…1.0)'
plot 'reverse-animation.dat' index 14 using 1:2:3 with image

unset output
