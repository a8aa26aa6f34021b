# forward: written by toy. Redraw with: gnuplot forward.gp
set terminal pngcairo size 754,846 enhanced font 'DejaVu Sans,11'
set output 'forward.png'
set border lw 1.2
set tics out nomirror
set key top right opaque
set title 'fashion-mnist: the forward process q(x_t | x_0), left to right' offset 0,3
unset key
unset border
unset xtics
unset ytics
unset colorbox
set size ratio -1
set xrange [-0.5:237.5]
set yrange [-0.5:237.5]
set lmargin at screen 0.0
set palette grey
set cbrange [0:1]
set label 1 't = 0.001' at 13.5,247.0 center font ',9'
set label 2 '-1.0…1.0' at 13.5,243.0 center font ',9'
set label 3 't = 0.00897' at 43.5,247.0 center font ',9'
set label 4 '-1.1…1.1' at 43.5,243.0 center font ',9'
set label 5 't = 0.0463' at 73.5,247.0 center font ',9'
set label 6 '-1.5…1.4' at 73.5,243.0 center font ',9'
set label 7 't = 0.18' at 103.5,247.0 center font ',9'
set label 8 '-2.7…2.5' at 103.5,243.0 center font ',9'
set label 9 't = 0.442' at 133.5,247.0 center font ',9'
set label 10 '-3.5…3.2' at 133.5,243.0 center font ',9'
set label 11 't = 0.674' at 163.5,247.0 center font ',9'
set label 12 '-3.9…3.6' at 163.5,243.0 center font ',9'
set label 13 't = 0.852' at 193.5,247.0 center font ',9'
set label 14 '-3.8…3.5' at 193.5,243.0 center font ',9'
set label 15 't = 1' at 223.5,247.0 center font ',9'
set label 16 '-4.2…3.3' at 223.5,243.0 center font ',9'
set tmargin 6
set xlabel 'each column maps the range under its label to black…white'
plot 'forward.dat' using 1:2:3 with image

unset output
