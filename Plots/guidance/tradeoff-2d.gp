set terminal pngcairo size 1500,520 enhanced font 'DejaVu Sans,11'
set output 'tradeoff-2d.png'
set multiplot layout 1,3 title 'Guidance towards class 0: precision against recall as the scale grows (labels: w or s), mean ± 95% interval over seeds'
set xlabel 'recall (diversity)'
set ylabel 'precision (fidelity)'
set grid
set key bottom left
set title '8gaussians'
plot 'tradeoff-2d.dat' index 0 using 1:3:2:4 with xyerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'classifier-free (w)', \
     '' index 0 using 1:3:5 with labels offset 1.2,0.6 font ',8' tc rgb '#1f77b4' notitle, \
     'tradeoff-2d.dat' index 1 using 1:3:2:4 with xyerrorlines lw 2 pt 7 lc rgb '#d62728' title 'classifier (s)', \
     '' index 1 using 1:3:5 with labels offset 1.2,0.6 font ',8' tc rgb '#d62728' notitle, \
     'tradeoff-2d.dat' index 2 using 1:3:2:4 with xyerrorlines lw 2 pt 7 lc rgb '#17becf' title 'exact classifier-free (w)', \
     '' index 2 using 1:3:5 with labels offset 1.2,0.6 font ',8' tc rgb '#17becf' notitle, \
     'tradeoff-2d.dat' index 3 using 1:3:2:4 with xyerrorlines lw 2 pt 7 lc rgb '#ff7f0e' title 'exact classifier (s)', \
     '' index 3 using 1:3:5 with labels offset 1.2,0.6 font ',8' tc rgb '#ff7f0e' notitle
set title 'moons'
plot 'tradeoff-2d.dat' index 4 using 1:3:2:4 with xyerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'classifier-free (w)', \
     '' index 4 using 1:3:5 with labels offset 1.2,0.6 font ',8' tc rgb '#1f77b4' notitle, \
     'tradeoff-2d.dat' index 5 using 1:3:2:4 with xyerrorlines lw 2 pt 7 lc rgb '#d62728' title 'classifier (s)', \
     '' index 5 using 1:3:5 with labels offset 1.2,0.6 font ',8' tc rgb '#d62728' notitle
set title 'checkerboard'
plot 'tradeoff-2d.dat' index 6 using 1:3:2:4 with xyerrorlines lw 2 pt 7 lc rgb '#1f77b4' title 'classifier-free (w)', \
     '' index 6 using 1:3:5 with labels offset 1.2,0.6 font ',8' tc rgb '#1f77b4' notitle, \
     'tradeoff-2d.dat' index 7 using 1:3:2:4 with xyerrorlines lw 2 pt 7 lc rgb '#d62728' title 'classifier (s)', \
     '' index 7 using 1:3:5 with labels offset 1.2,0.6 font ',8' tc rgb '#d62728' notitle
unset multiplot
