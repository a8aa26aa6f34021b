# denoising: written by toy. Redraw with: gnuplot denoising.gp
set terminal pngcairo size 754,846 enhanced font 'DejaVu Sans,11'
set output 'denoising.png'
set border lw 1.2
set tics out nomirror
set key top right opaque
set title 'fashion-mnist: the reverse process (ddim), left to right' offset 0,3
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
set label 1 't = 1' at 13.5,247.0 center font ',9'
set label 2 '-4.3…4.1' at 13.5,243.0 center font ',9'
set label 3 't = 0.857' at 43.5,247.0 center font ',9'
set label 4 '-4.3…4.1' at 43.5,243.0 center font ',9'
set label 5 't = 0.715' at 73.5,247.0 center font ',9'
set label 6 '-4.3…4.0' at 73.5,243.0 center font ',9'
set label 7 't = 0.531' at 103.5,247.0 center font ',9'
set label 8 '-4.3…3.9' at 103.5,243.0 center font ',9'
set label 9 't = 0.286' at 133.5,247.0 center font ',9'
set label 10 '-3.8…3.2' at 133.5,243.0 center font ',9'
set label 11 't = 0.103' at 163.5,247.0 center font ',9'
set label 12 '-2.3…2.0' at 163.5,243.0 center font ',9'
set label 13 't = 0.0214' at 193.5,247.0 center font ',9'
set label 14 '-1.3…1.3' at 193.5,243.0 center font ',9'
set label 15 'sample' at 223.5,247.0 center font ',9'
set label 16 '-1.0…1.0' at 223.5,243.0 center font ',9'
set tmargin 6
set xlabel 'each column maps the range under its label to black…white'
plot 'denoising.dat' using 1:2:3 with image

unset output
